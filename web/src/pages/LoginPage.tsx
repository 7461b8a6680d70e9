// Sign-in: e-mail and password, with the language switch available before signing in.
import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title, Group } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/context.js';
import { useSession } from '../session.js';
import { ErrorNote } from '../components/common.js';
import { LanguageSwitch } from '../components/Layout.js';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2" id="login-title">
                {t('login.title')}
              </Title>
              <LanguageSwitch />
            </Group>
            <Text size="sm" c="dimmed">
              {t('login.intro')}
            </Text>
            <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <ErrorNote error={error} />
            <Button type="submit" loading={busy}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
