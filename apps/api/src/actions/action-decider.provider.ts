import { createActionDecider } from '@actionledger/domain';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export const ACTION_DECIDER = Symbol('ActionDecider');

export const actionDeciderProvider: Provider = {
  provide: ACTION_DECIDER,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createActionDecider(config.dueDatePolicy),
};
