import type { EventStore } from '@actionledger/event-store';
import type { BlobStore } from '../blob-store.port';
import { sha256Of } from '../sha256';
import { readEvidenceReferences, type EvidenceReference } from './evidence-references';

/** A referenced file that is no longer what was attached. */
export interface EvidenceProblem {
  sha256: string;
  /** `lost`: no blob under its hash; `altered`: the blob's bytes hash to something else. */
  problem: 'lost' | 'altered';
  /** What the stored bytes hash to now, for an altered one. */
  actualSha256?: string;
  /** Every attachment of the file, so the message can name the actions that rely on it. */
  references: readonly EvidenceReference[];
}

export interface EvidenceVerification {
  /** Distinct files the log references. */
  files: number;
  /** Attachments checked (a file attached to two actions counts twice). */
  attachments: number;
  problems: EvidenceProblem[];
}

/** Checks that every file the log references is in the blob store and still hashes to its name. */
export async function verifyEvidence(store: EventStore, blobs: BlobStore): Promise<EvidenceVerification> {
  const { references } = await readEvidenceReferences(store);
  const problems: EvidenceProblem[] = [];
  let attachments = 0;
  for (const [sha256, attached] of references.all()) {
    attachments += attached.length;
    const bytes = await blobs.get(sha256);
    if (bytes === null) {
      problems.push({ sha256, problem: 'lost', references: attached });
      continue;
    }
    const actualSha256 = sha256Of(bytes);
    if (actualSha256 !== sha256)
      problems.push({ sha256, problem: 'altered', actualSha256, references: attached });
  }
  return { files: references.all().size, attachments, problems };
}

/** One line that names the file, where it is attached and what is wrong with it. */
export function describeEvidenceProblem({
  sha256,
  problem,
  actualSha256,
  references,
}: EvidenceProblem): string {
  const names = [...new Set(references.map((reference) => `"${reference.fileName}"`))].join(', ');
  const actions = [...new Set(references.map((reference) => reference.actionId))].join(', ');
  const what =
    problem === 'lost'
      ? 'is lost: there is no file under its hash in the evidence store'
      : `was altered: the stored file now hashes to ${actualSha256}`;
  return `Evidence ${names} (sha256 ${sha256}, attached to action ${actions}) ${what}.`;
}
