// Routes and the frame around every page. A hash router keeps deep links working under any static
// file server, and the session decides which pages exist for the signed-in role.
import { Center, Loader } from '@mantine/core';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { SessionProvider, useSession } from './session.js';
import { Layout } from './components/Layout.js';
import { LoginPage } from './pages/LoginPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { AlertsPage } from './pages/AlertsPage.js';
import { IncidentsPage } from './pages/IncidentsPage.js';
import { IncidentPage } from './pages/incident/IncidentPage.js';
import { OrganizationsPage } from './pages/OrganizationsPage.js';
import { SourcesPage } from './pages/SourcesPage.js';
import { AdminPage } from './pages/AdminPage.js';

const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'incidents', element: <IncidentsPage /> },
      { path: 'incidents/:id', element: <IncidentPage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'sources', element: <SourcesPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

/** PSE officers and investigators start on their incidents; staff on the dashboard. */
function Home() {
  const { user } = useSession();
  return <Navigate to={user?.role === 'admin' || user?.role === 'analyst' ? '/dashboard' : '/incidents'} replace />;
}

function Gate() {
  const { user, checked } = useSession();
  if (!checked)
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  if (!user) return <LoginPage />;
  return <RouterProvider router={router} />;
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
