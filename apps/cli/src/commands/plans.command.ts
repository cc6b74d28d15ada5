import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  AggregateLoader,
  CommandExecutor,
  operatorContext,
  systemClock,
} from '@actionledger/command-handling';
import { planImportDecider, planImportStreamId, planRowProblems } from '@actionledger/domain';
import {
  draftPlanImport,
  isSpreadsheetInputError,
  knownUsersOf,
  MAX_SHEET_BYTES,
} from '@actionledger/spreadsheets';
import { Command } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';
import { withOperatorSession } from '../operator-session';

async function readSheetFile(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch(() => {
    throw new CliError(`There is no file ${file}.`, EXIT.notFound);
  });
  if (!info.isFile()) throw new CliError(`${file} is not a file.`, EXIT.usage);
  if (info.size > MAX_SHEET_BYTES) {
    throw new CliError(`${file} is larger than ${MAX_SHEET_BYTES / (1024 * 1024)} MB.`, EXIT.usage);
  }
  return new Uint8Array(await readFile(file));
}

export function plansCommand(io: CliIo): Command {
  const plans = new Command('plans').description('action plans kept in spreadsheets');

  plans
    .command('import')
    .description(
      'read an action plan from .xlsx or .csv into a draft for the inspection; a lead reviews, corrects and confirms it (GET, PATCH /api/plans/imports/:id, then POST …/confirm)',
    )
    .argument('<file>', 'the plan (.xlsx or .csv)')
    .requiredOption('--inspection <id>', 'the inspection the plan is for')
    .option('--json', 'print the draft as JSON')
    .action(async (file: string, options: { inspection: string; json?: boolean }) => {
      const bytes = await readSheetFile(file);
      await withOperatorSession(io, async ({ store, directory }) => {
        const loader = new AggregateLoader(store);
        const ports = {
          store,
          loader,
          commands: new CommandExecutor(store, systemClock, loader),
          usersOf: (organisationId: string) => knownUsersOf(directory, organisationId),
        };
        const context = operatorContext();
        const result = await draftPlanImport(ports, {
          bytes,
          fileName: basename(file),
          target: { inspectionId: options.inspection },
          context,
        }).catch((error: unknown) => {
          if (isSpreadsheetInputError(error)) throw new CliError(`${file}: ${error.message}`, EXIT.usage);
          throw error;
        });
        const { state } = await loader.loadExisting(
          planImportStreamId(result.id),
          planImportDecider,
          () => new Error('The draft was not recorded.'),
        );
        const rows = state.proposal.rows;
        if (options.json) {
          io.out(JSON.stringify({ id: result.id, alreadyImported: result.alreadyImported, rows }, null, 2));
          return;
        }
        const troubled = rows.filter((row) => planRowProblems(row).length > 0);
        io.out(
          [
            `${result.alreadyImported ? 'already imported as' : 'draft'} ${result.id}: ${rows.length} row${rows.length === 1 ? '' : 's'} from ${state.grid.sheetName ?? basename(file)}, header on row ${state.grid.headerRow}`,
            ...troubled.map((row) => `  row ${row.rowNumber}: ${planRowProblems(row).join(', ')}`),
            troubled.length === 0
              ? 'every row can be recorded: a lead confirms it with POST /api/plans/imports/<id>/confirm'
              : `${troubled.length} rows to correct or exclude (PATCH /api/plans/imports/<id>) before a lead confirms`,
          ].join('\n'),
        );
      });
    });

  return plans;
}
