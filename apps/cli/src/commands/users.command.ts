import { operatorContext } from '@actionledger/command-handling';
import { USER_ROLES, type UserRole } from '@actionledger/domain';
import { Command, Option } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';
import { withOperatorSession, type OperatorSession } from '../operator-session';

const roleOption = () =>
  new Option('--role <role...>', 'one or more roles')
    .choices(USER_ROLES as unknown as string[])
    .makeOptionMandatory();

async function userIdOf(session: OperatorSession, email: string): Promise<string> {
  const user = await session.directory.userByEmail(email);
  if (!user) throw new CliError(`There is no user with the email ${email}.`, EXIT.notFound);
  return user.userId;
}

async function organisationIdOf(session: OperatorSession, name: string): Promise<string> {
  const organisation = await session.directory.organisationByName(name);
  if (!organisation) throw new CliError(`There is no organisation called "${name}".`, EXIT.notFound);
  return organisation.organisationId;
}

/** `setup`, `orgs`, `users` and `tokens`: the operator's commands for organisations, people and credentials. */
export function accessCommands(io: CliIo): Command[] {
  const setup = new Command('setup')
    .description('create the first organisation and its administrator, and print their token')
    .requiredOption('--org <name>', 'the organisation, e.g. "Durham County Council"')
    .requiredOption('--email <email>', "the administrator's email")
    .requiredOption('--name <name>', "the administrator's name")
    .action((options: { org: string; email: string; name: string }) =>
      withOperatorSession(io, async (session) => {
        const context = operatorContext();
        const organisationId =
          (await session.directory.organisationByName(options.org))?.organisationId ??
          (await session.administration.registerOrganisation(options.org, context));
        const userId = await session.administration.registerUser(
          { organisationId, email: options.email, name: options.name, roles: ['admin', 'lead'] },
          context,
        );
        const { token } = await session.administration.issueToken(userId, context);
        io.out(
          `Organisation ${options.org} (${organisationId}); administrator and lead ${options.email} (${userId}).`,
        );
        io.out(token);
      }),
    );

  const orgs = new Command('orgs').description('organisations (local authorities)');
  orgs
    .command('add')
    .description('register an organisation')
    .requiredOption('--name <name>', 'e.g. "Durham County Council"')
    .action((options: { name: string }) =>
      withOperatorSession(io, async (session) => {
        io.out(await session.administration.registerOrganisation(options.name, operatorContext()));
      }),
    );

  const users = new Command('users').description('the people who use ActionLedger');
  users
    .command('add')
    .description('add a user to an organisation')
    .requiredOption('--org <name>', 'their organisation')
    .requiredOption('--email <email>', 'their email')
    .requiredOption('--name <name>', 'their name')
    .addOption(roleOption())
    .action((options: { org: string; email: string; name: string; role: UserRole[] }) =>
      withOperatorSession(io, async (session) => {
        const organisationId = await organisationIdOf(session, options.org);
        const userId = await session.administration.registerUser(
          { organisationId, email: options.email, name: options.name, roles: options.role },
          operatorContext(),
        );
        io.out(userId);
      }),
    );
  users
    .command('list')
    .description("list an organisation's users")
    .requiredOption('--org <name>', 'the organisation')
    .option('--json', 'as JSON')
    .action((options: { org: string; json?: boolean }) =>
      withOperatorSession(io, async (session) => {
        const organisationId = await organisationIdOf(session, options.org);
        const list = (await session.directory.usersOf(organisationId)).map((user) => ({
          id: user.userId,
          ...session.directory.profileOf(user),
          roles: user.roles,
          status: user.status,
        }));
        if (options.json) return io.out(JSON.stringify(list, null, 2));
        for (const user of list)
          io.out(
            `${user.id}  ${user.status.padEnd(8)}  ${user.roles.join(',').padEnd(12)}  ${user.name} <${user.email}>`,
          );
      }),
    );
  users
    .command('disable')
    .description('stop a user signing in; their tokens stop working')
    .requiredOption('--email <email>', 'their email')
    .action((options: { email: string }) =>
      withOperatorSession(io, async (session) => {
        await session.administration.disable(await userIdOf(session, options.email), operatorContext());
        io.out(`${options.email} is disabled.`);
      }),
    );
  users
    .command('invite')
    .description('print a one-time link with which the user sets their password')
    .requiredOption('--email <email>', 'their email')
    .option(
      '--base-url <url>',
      'where the web pages are served',
      process.env.PUBLIC_URL?.trim() || 'http://localhost:3000',
    )
    .action((options: { email: string; baseUrl: string }) =>
      withOperatorSession(io, async (session) => {
        const userId = await userIdOf(session, options.email);
        const { invitationToken, expiresAt } = await session.administration.invite(userId, operatorContext());
        io.out(`Valid until ${expiresAt}:`);
        io.out(`${options.baseUrl.replace(/\/$/, '')}/set-password?token=${invitationToken}`);
      }),
    );
  users
    .command('erase')
    .description(
      'erase a person (UK GDPR): destroy the key of their name and email; the audit chain still verifies',
    )
    .requiredOption('--email <email>', 'their email')
    .action((options: { email: string }) =>
      withOperatorSession(io, async (session) => {
        const userId = await userIdOf(session, options.email);
        await session.administration.erase(userId, operatorContext());
        io.out(`User ${userId} is erased: they show as "erased user" and their tokens no longer work.`);
      }),
    );

  const tokens = new Command('tokens').description('bearer tokens for the API');
  tokens
    .command('create')
    .description('create a token for a user; it is printed once, on the last line, and only its hash is kept')
    .requiredOption('--email <email>', 'their email')
    .action((options: { email: string }) =>
      withOperatorSession(io, async (session) => {
        const { tokenId, token } = await session.administration.issueToken(
          await userIdOf(session, options.email),
          operatorContext(),
        );
        io.out(`Token ${tokenId} for ${options.email}:`);
        io.out(token);
      }),
    );
  tokens
    .command('revoke')
    .description("revoke one of a user's tokens")
    .requiredOption('--email <email>', 'their email')
    .requiredOption('--token-id <id>', 'the token id printed by tokens create')
    .action((options: { email: string; tokenId: string }) =>
      withOperatorSession(io, async (session) => {
        await session.administration.revokeToken(
          await userIdOf(session, options.email),
          options.tokenId,
          operatorContext(),
        );
        io.out(`Token ${options.tokenId} is revoked.`);
      }),
    );

  return [setup, orgs, users, tokens];
}
