// Who is signed in. The session lives in an httpOnly cookie; this only mirrors /auth/me.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, get, onSessionLost, post, rememberCsrf } from './api/client.js';
import type { User } from './api/types.js';

type Session = {
  user: User | null;
  checked: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => onSessionLost(() => setUser(null)), []);

  useEffect(() => {
    get<{ user: User }>('/auth/me')
      .then((me) => setUser(me.user))
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error('auth/me failed', error);
      })
      .finally(() => setChecked(true));
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const result = await post<{ user: User; csrfToken: string }>('/auth/login', { email, password });
    rememberCsrf(result.csrfToken);
    setUser(result.user);
  }, []);

  const logout = useCallback(async () => {
    await post('/auth/logout').catch(() => undefined);
    setUser(null);
  }, []);

  return <SessionContext.Provider value={{ user, checked, login, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Staff may write incidents and alerts; the others read (and PSE officers file notifications). */
export const isStaff = (user: User | null) => user?.role === 'admin' || user?.role === 'analyst';
