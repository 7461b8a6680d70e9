// Entry point: Mantine theme, language context, session, then the routed pages.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import '@mantine/core/styles.css';
import './app.css';
import { I18nProvider } from './i18n/context.js';
import { App } from './App.js';

// Darker primary shades than Mantine's default blue keep white-on-primary text above 4.5:1.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, fontFamily: 'system-ui, sans-serif' });
// Mantine's default "dimmed" grey is 3.3:1 on white; gray.7 keeps secondary text above 4.5:1 (WCAG AA).
// Light variants (badges, light buttons) get shade 9 text for the same reason.
const lightColors = ['blue', 'indigo', 'violet', 'grape', 'orange', 'red', 'green', 'teal', 'yellow', 'gray'];
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(lightColors.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`])),
  },
  dark: {},
});

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
