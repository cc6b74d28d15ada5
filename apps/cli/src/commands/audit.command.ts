import {
  AggregateLoader,
  CommandExecutor,
  operatorContext,
  systemClock,
} from '@actionledger/command-handling';
import {
  AuditChainBrokenError,
  InvalidAuditHeadError,
  recordAuditHead,
  UnreadableEventError,
  verifyAuditHead,
  verifyEventLog,
  type LogVerification,
} from '@actionledger/audit';
import { describeEvidenceProblem, verifyEvidence, type BlobStore } from '@actionledger/evidence';
import type { EventStore } from '@actionledger/event-store';
import { Command } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';
import { withBlobStore } from '../with-blob-store';
import { withEventStore } from '../with-event-store';

const count = (n: number) => n.toLocaleString('en-GB');
const counted = (n: number, thing: string) => `${count(n)} ${thing}${n === 1 ? '' : 's'}`;

const checked = (verification: LogVerification) =>
  `${count(verification.events)} events in ${count(verification.streams)} streams checked, up to log ` +
  `position ${verification.lastPosition}`;

/** An event that no longer parses was edited by hand, like an event that no longer matches its hash. */
const unreadableAsTampered = (error: unknown): never => {
  if (error instanceof UnreadableEventError) throw new CliError(error.message, EXIT.tampered);
  throw error;
};

/** Every file the log references is in the evidence store and still hashes to its name; each one that is not is named. */
async function checkEvidence(io: CliIo, store: EventStore, blobs: BlobStore): Promise<void> {
  const { files, attachments, problems } = await verifyEvidence(store, blobs);
  for (const problem of problems) io.err(`actionledger: ${describeEvidenceProblem(problem)}\n`);
  if (problems.length > 0) {
    throw new CliError(
      `${count(problems.length)} of ${counted(files, 'evidence file')} ${problems.length === 1 ? 'is' : 'are'} altered or lost (${blobs.describe()}).`,
      EXIT.tampered,
    );
  }
  io.out(
    `The evidence is intact: ${counted(files, 'file')} (${counted(attachments, 'attachment')}) checked in ` +
      `${blobs.describe()}.`,
  );
}

export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit').description(
    'check the hash chain of the log (and the evidence files), and take or check the audit head that a board minutes',
  );

  audit
    .command('verify')
    .description(
      'check every event of every stream against the hash chain; with --head, also that the log still extends ' +
        'a head taken earlier (exit 4 names the first broken link)',
    )
    .option('--head <digest>', 'an audit head as `audit head` printed it, e.g. from the board minutes')
    .option(
      '--evidence',
      'also check that every evidence file the log references exists and still hashes to its name',
    )
    .action(async (options: { head?: string; evidence?: boolean }) => {
      await withEventStore(io, async (store) => {
        if (options.head === undefined) {
          const verification = await verifyEventLog(store);
          if (verification.broken) throw new CliError(verification.broken.message, EXIT.tampered);
          io.out(`The audit chain is intact: ${checked(verification)}.`);
          if (options.evidence) await withBlobStore(io, (blobs) => checkEvidence(io, store, blobs));
          return;
        }
        const check = await verifyAuditHead(store, options.head).catch((error: unknown) => {
          if (error instanceof InvalidAuditHeadError) throw new CliError(error.message, EXIT.usage);
          throw error;
        });
        if (check.status === 'chain-broken') throw new CliError(check.broken.message, EXIT.tampered);
        if (check.status === 'head-mismatch') throw new CliError(check.message, EXIT.tampered);
        io.out(`The audit chain is intact: ${checked(check.verification)}.`);
        io.out(
          `Head ${check.head.digest} holds: today's log extends it (${count(check.head.streams)} streams as of ` +
            `log position ${check.head.position}).`,
        );
        if (options.evidence) await withBlobStore(io, (blobs) => checkEvidence(io, store, blobs));
      }).catch(unreadableAsTampered);
    });

  audit
    .command('head')
    .description(
      'verify the chain, then print one digest over the heads of all streams, with the log position it covers ' +
        '(the digest alone on the last line)',
    )
    .option(
      '--record',
      'also append it to the log as an AuditHeadRecorded event, chained to the previous head',
    )
    .action(async (options: { record?: boolean }) => {
      await withEventStore(io, async (store) => {
        if (!options.record) {
          const verification = await verifyEventLog(store);
          if (verification.broken) {
            throw new CliError(new AuditChainBrokenError(verification.broken).message, EXIT.tampered);
          }
          const head = verification.head!;
          io.out(
            `Audit head as of log position ${head.position}, over ${count(head.streams)} streams (${count(verification.events)} events verified):`,
          );
          return io.out(head.digest);
        }
        const commands = new CommandExecutor(store, systemClock, new AggregateLoader(store));
        const { head, verification, recorded } = await recordAuditHead(
          store,
          commands,
          operatorContext(),
        ).catch((error: unknown) => {
          if (error instanceof AuditChainBrokenError) throw new CliError(error.message, EXIT.tampered);
          throw error;
        });
        io.out(
          `Audit head as of log position ${head.position}, over ${count(head.streams)} streams (${count(verification.events)} events verified).`,
        );
        io.out(
          `Recorded as AuditHeadRecorded, revision ${recorded.revision} of stream ${recorded.streamId} (log position ` +
            `${recorded.position}), after ${recorded.previousDigest ? `head ${recorded.previousDigest}` : 'no earlier head'}:`,
        );
        io.out(head.digest);
      }).catch(unreadableAsTampered);
    });

  return audit;
}
