import {
  actionStreamId,
  type ActionCommand,
  type ActionEvent,
  type ActionState,
  type CommandMetadata,
  type Decider,
  type EvidenceFileFacts,
} from '@actionledger/domain';
import {
  AggregateLoader,
  CommandExecutor,
  idempotencyScope,
  NotFoundError,
  type CommandContext,
} from '@actionledger/command-handling';
import {
  BLOB_STORE,
  checkEvidenceFile,
  EvidenceFileRefusedError,
  type BlobStore,
  type CheckedEvidenceFile,
} from '@actionledger/evidence';
import { WrongExpectedRevisionError } from '@actionledger/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ACTION_DECIDER } from '../actions/action-decider.provider';
import { findingFactsOf } from '../actions/finding-facts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  AttachEvidenceCommand,
  type AttachEvidenceResult,
  type EvidenceUpload,
} from './attach-evidence.command';
import { EVIDENCE_FIELD } from './evidence-upload.interceptor';

const factsOf = ({ fileName, mediaType, size, sha256 }: CheckedEvidenceFile): EvidenceFileFacts => ({
  fileName,
  mediaType,
  size,
  sha256,
});

/**
 * Checks the files, decides, stores the files, then appends. Deciding before storing means a refused
 * attachment (another owner's action, a verified one, a file already attached, too much in all) stores nothing;
 * storing before appending means a crash in between leaves a file no event names (`evidence gc` finds it),
 * never an event naming a file that is not there. The append decides again on the stream as it is then.
 */
@CommandHandler(AttachEvidenceCommand)
export class AttachEvidenceHandler implements ICommandHandler<AttachEvidenceCommand> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
    @Inject(ACTION_DECIDER) private readonly decider: Decider<ActionCommand, ActionEvent, ActionState>,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ actionId, uploads, note, context }: AttachEvidenceCommand): Promise<AttachEvidenceResult> {
    const files = await this.check(uploads);
    const facts = files.map(factsOf);
    const streamId = actionStreamId(actionId);
    const notFound = () => new NotFoundError('action', actionId);
    const prepare = async (state: ActionState, metadata: CommandMetadata): Promise<ActionCommand> => {
      if (state.status === 'none') throw notFound();
      this.requireWithinActionLimit(state, files);
      const finding = await findingFactsOf(this.loader, state.findingId, metadata.actor);
      return { type: 'AttachEvidence', data: { actionId, files: facts, note }, metadata, finding };
    };

    if (!(await this.isRetry(streamId, context, notFound))) {
      await this.decideBeforeStoring(streamId, context, prepare, notFound);
      for (const file of files) await this.blobs.put(file.bytes);
    }
    const result = await this.commands.execute({
      id: actionId,
      streamId,
      decider: this.decider,
      commandType: 'AttachEvidence',
      payload: { files: facts, note: note ?? null },
      context,
      notFound,
      prepare,
    });
    return { ...result, files: facts };
  }

  private async check(uploads: readonly EvidenceUpload[]): Promise<CheckedEvidenceFile[]> {
    if (uploads.length === 0) {
      throw new EvidenceFileRefusedError(
        'empty',
        `Send one or more files in the multipart field "${EVIDENCE_FIELD}".`,
      );
    }
    const { maxFileBytes } = this.config.evidence.limits;
    const files: CheckedEvidenceFile[] = [];
    for (const upload of uploads) files.push(await checkEvidenceFile(upload, { maxFileBytes }));
    return files;
  }

  private requireWithinActionLimit(state: ActionState, files: readonly CheckedEvidenceFile[]): void {
    if (state.status === 'none') return;
    const { maxActionBytes } = this.config.evidence.limits;
    const already = state.evidenceFiles.reduce((sum, file) => sum + file.size, 0);
    const adding = files.reduce((sum, file) => sum + file.size, 0);
    if (already + adding > maxActionBytes) {
      throw new EvidenceFileRefusedError(
        'too_large',
        `This action holds ${already.toLocaleString('en-GB')} bytes of evidence; ${adding.toLocaleString('en-GB')} more ` +
          `would pass the ${maxActionBytes.toLocaleString('en-GB')} bytes one action may hold.`,
      );
    }
  }

  /** A retry under the same Idempotency-Key is answered from the log: its files were stored the first time. */
  private async isRetry(streamId: string, context: CommandContext, notFound: () => Error): Promise<boolean> {
    if (context.idempotencyKey === undefined) return false;
    const loaded = await this.loader.loadVisible(streamId, this.decider, context.actor, notFound);
    return loaded.idempotentWrites.has(idempotencyScope(context.actor.userId, context.idempotencyKey));
  }

  private async decideBeforeStoring(
    streamId: string,
    context: CommandContext,
    prepare: (state: ActionState, metadata: CommandMetadata) => Promise<ActionCommand>,
    notFound: () => Error,
  ): Promise<void> {
    const { state, version } = await this.loader.loadVisible(streamId, this.decider, context.actor, notFound);
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new WrongExpectedRevisionError(streamId, context.expectedVersion, version);
    }
    const command = await prepare(state, { now: this.commands.now(), actor: context.actor });
    this.decider.decide(command, state);
  }
}
