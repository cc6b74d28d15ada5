/** A form field's error, as the GOV.UK error summary and the field's own error message both show it. */
export interface FieldError {
  field: string;
  text: string;
  /** Where the summary's link goes, when not to the field's id (a date input's first box). */
  href?: string;
}

export interface SignInViewModel {
  title: string;
  email: string;
  errors: { text: string; href: string }[];
  fieldErrors: Record<string, { text: string }>;
}

/** The errors of a form as the GOV.UK macros want them: a summary linking to each field, and each field's text. */
export function formErrors(errors: readonly FieldError[]) {
  return {
    errors: errors.map(({ field, text, href }) => ({ text, href: `#${href ?? field}` })),
    fieldErrors: Object.fromEntries(errors.map(({ field, text }) => [field, { text }])),
  };
}

export function signInViewModel(email = '', errors: readonly FieldError[] = []): SignInViewModel {
  return { title: 'Sign in', email, ...formErrors(errors) };
}

/** What a blank form lacks, before any account is looked at. */
export function missingSignInFields(email: string, password: string): FieldError[] {
  const errors: FieldError[] = [];
  if (email === '') errors.push({ field: 'email', text: 'Enter your email address' });
  if (password === '') errors.push({ field: 'password', text: 'Enter your password' });
  return errors;
}
