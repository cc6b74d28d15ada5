import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { DEMO_ORGANISATION, DEMO_PASSWORD, fillDemoCouncil } from '../demo/demo-council';

/** `demo`: a fictional council in an empty data folder, and how to sign in as each of its people. */
export function demoCommand(io: CliIo): Command {
  return new Command('demo')
    .description('fill an empty data folder with a fictional council, its letter, plan and people')
    .action(async () => {
      const result = await fillDemoCouncil(io.env);
      io.out(`${DEMO_ORGANISATION}: a letter confirmed, ${result.actions} actions in every state.`);
      io.out(`Start the app (npm start) and sign in at ${signInUrl(io.env)} as any of:`);
      for (const person of result.people) {
        io.out(`  ${person.roles.join(', ').padEnd(6)} ${person.name.padEnd(12)} ${person.email}`);
      }
      io.out(`Every demo password is ${DEMO_PASSWORD}`);
    });
}

function signInUrl(env: NodeJS.ProcessEnv): string {
  const base = env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || 3000}`;
  return `${base.replace(/\/$/, '')}/sign-in`;
}
