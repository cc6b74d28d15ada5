import { isCalendarDate } from '@actionledger/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A real day written as YYYY-MM-DD (2023-02-29 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a real date written as YYYY-MM-DD`,
      },
    },
    options,
  );
}
