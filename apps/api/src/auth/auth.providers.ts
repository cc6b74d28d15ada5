import {
  PasswordSignIn,
  PersonalDataVault,
  SessionStore,
  UserAdministration,
  UserDirectory,
} from '@actionledger/auth';
import { CommandExecutor } from '@actionledger/command-handling';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS } from '../read-models/read-models.providers';
import { CsrfProtection } from './csrf-protection';

export const authProviders: Provider[] = [
  {
    provide: PersonalDataVault,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new PersonalDataVault(config.personalDataKeysFile),
  },
  {
    provide: UserDirectory,
    inject: [EVENT_STORE, PersonalDataVault],
    useFactory: (store: EventStore, vault: PersonalDataVault) => new UserDirectory(store, vault),
  },
  {
    provide: UserAdministration,
    inject: [CommandExecutor, UserDirectory, PersonalDataVault],
    useFactory: (commands: CommandExecutor, directory: UserDirectory, vault: PersonalDataVault) =>
      new UserAdministration(commands, directory, vault),
  },
  {
    provide: SessionStore,
    inject: [REDIS, APP_CONFIG],
    useFactory: (redis: Redis, config: AppConfig) => new SessionStore(redis, config.session),
  },
  {
    provide: PasswordSignIn,
    inject: [UserDirectory, PersonalDataVault],
    useFactory: (directory: UserDirectory, vault: PersonalDataVault) => new PasswordSignIn(directory, vault),
  },
  {
    provide: CsrfProtection,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new CsrfProtection(config),
  },
];

@Injectable()
export class PersonalDataVaultCloser implements OnApplicationShutdown {
  constructor(@Inject(PersonalDataVault) private readonly vault: PersonalDataVault) {}

  onApplicationShutdown(): void {
    this.vault.close();
  }
}
