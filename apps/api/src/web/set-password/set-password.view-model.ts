import { formErrors, type FieldError } from '../sign-in/sign-in.view-model';

export const MIN_PASSWORD_LENGTH = 12;

export function setPasswordViewModel(token: string, errors: readonly FieldError[] = []) {
  return { title: 'Set your password', token, minLength: MIN_PASSWORD_LENGTH, ...formErrors(errors) };
}

/** The checks a person can fix on the form itself; the invitation's own validity is the domain's to judge. */
export function passwordErrors(password: string, confirmation: string): FieldError[] {
  if (password === '') return [{ field: 'password', text: 'Enter a password' }];
  if (password.length < MIN_PASSWORD_LENGTH) {
    return [{ field: 'password', text: `Password must be ${MIN_PASSWORD_LENGTH} characters or more` }];
  }
  if (password !== confirmation) return [{ field: 'confirmPassword', text: 'Passwords must match' }];
  return [];
}
