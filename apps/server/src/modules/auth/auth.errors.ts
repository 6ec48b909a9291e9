import { AppError } from '../../platform/errors.ts';

export const notAuthenticated = () =>
  new AppError('unauthorized', 'not_authenticated', 'Log in or send a bearer token');
export const invalidCredentials = () =>
  new AppError('unauthorized', 'invalid_credentials', 'Wrong email or password');
export const forbidden = (permission: string) =>
  new AppError('forbidden', 'forbidden', `Your role lacks the permission ${permission}`);
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError('rate_limited', 'too_many_attempts', 'Too many failed logins; try again later', {
    retryAfterSeconds,
  });
export const emailTaken = (email: string) =>
  new AppError('conflict', 'email_taken', `A user with email ${email} exists`);
