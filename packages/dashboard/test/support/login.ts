import type { Page } from 'playwright-core';
import type { HttpResponse } from './http.js';
import { http } from './http.js';

/** Logs in and returns the Cookie header for later requests. */
export async function login(
  baseUrl: string,
  name: string,
  password: string,
): Promise<Record<string, string>> {
  const response = await http('POST', new URL('/api/login', baseUrl), { name, password });
  if (response.status !== 200)
    throw new Error(`login as ${name} failed: ${response.status} ${response.text}`);
  return { cookie: String(response.headers['set-cookie']).split(';')[0]! };
}

export function errorOf(response: HttpResponse): string {
  return response.json<{ error: string }>().error;
}

/** Fills in the page's login form and submits it. */
export async function logInOnPage(page: Page, name: string, password: string): Promise<void> {
  await page.fill('#login-name', name);
  await page.fill('#login-password', password);
  await page.click('#login button[type=submit]');
}
