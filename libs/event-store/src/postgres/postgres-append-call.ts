import type { QueryConfig, QueryResultRow } from 'pg';
import { isConnectionError } from './postgres-connection-errors';
import type { AppendUnit, UnitOutcome } from './postgres-group-commit';

export type Query = <Row extends QueryResultRow>(config: QueryConfig) => Promise<{ rows: Row[] }>;

interface OutcomeRow {
  write_no: number;
  outcome: string;
  last_revision: string | null;
  last_position: string | null;
}

/**
 * Sends one group commit to PostgreSQL: `event_store_append_one` for a lone single-stream append (most of them),
 * else one call of `event_store_append` for the whole group. `query` retries on a lost connection.
 */
export async function callAppend(
  query: Query,
  units: AppendUnit[],
  recordedAt: Date,
): Promise<UnitOutcome[]> {
  if (units.length === 1 && units[0].writes.length === 1) {
    return [await callAppendOne(query, units[0], recordedAt)];
  }
  const { rows } = await query<OutcomeRow>({
    name: 'event-store-append',
    text: 'SELECT * FROM event_store_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
    values: toAppendParameters(units, recordedAt),
  });
  return toUnitOutcomes(units, rows);
}

async function callAppendOne(query: Query, unit: AppendUnit, recordedAt: Date): Promise<UnitOutcome> {
  const [write] = unit.writes;
  const expected = write.expected === 'no_stream' ? -1 : write.expected === 'any' ? -2 : write.expected;
  try {
    const { rows } = await query<{ last_revision: string; last_position: string }>({
      name: 'event-store-append-one',
      text: 'SELECT * FROM event_store_append_one($1, $2, $3, $4, $5, $6, $7)',
      values: [
        write.streamId,
        expected,
        write.events.map((event) => event.id),
        write.events.map((event) => event.type),
        unit.json[0].map((json) => json.data),
        unit.json[0].map((json) => json.metadata),
        recordedAt,
      ],
    });
    const [row] = rows;
    return {
      ok: true,
      results: [{ lastRevision: Number(row.last_revision), lastPosition: BigInt(row.last_position) }],
    };
  } catch (error) {
    const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
    if (code === undefined || isConnectionError(error)) throw error;
    const reason =
      code === 'AL001'
        ? 'revision'
        : code === '23505' && constraint
          ? constraint
          : `error ${code}: ${message}`;
    return { ok: false, failedWrite: 0, reason };
  }
}

/** Flattens units → writes → events into the parallel arrays `event_store_append` takes (1-based indexes). */
function toAppendParameters(units: AppendUnit[], recordedAt: Date): unknown[] {
  const [unitFirst, unitCount, stream, expected, eventFirst, eventCount] = [[], [], [], [], [], []] as [
    number[],
    number[],
    string[],
    number[],
    number[],
    number[],
  ];
  const [ids, types, data, metadata] = [[], [], [], []] as [string[], string[], string[], string[]];
  for (const unit of units) {
    unitFirst.push(stream.length + 1);
    unitCount.push(unit.writes.length);
    unit.writes.forEach((write, writeIndex) => {
      stream.push(write.streamId);
      expected.push(write.expected === 'no_stream' ? -1 : write.expected === 'any' ? -2 : write.expected);
      eventFirst.push(ids.length + 1);
      eventCount.push(write.events.length);
      write.events.forEach((event, eventIndex) => {
        ids.push(event.id);
        types.push(event.type);
        data.push(unit.json[writeIndex][eventIndex].data);
        metadata.push(unit.json[writeIndex][eventIndex].metadata);
      });
    });
  }
  return [
    unitFirst,
    unitCount,
    stream,
    expected,
    eventFirst,
    eventCount,
    ids,
    types,
    data,
    metadata,
    recordedAt,
  ];
}

function toUnitOutcomes(units: AppendUnit[], rows: OutcomeRow[]): UnitOutcome[] {
  const byWrite = new Map(rows.map((row) => [row.write_no, row]));
  let firstWrite = 1;
  return units.map((unit) => {
    const writeNumbers = unit.writes.map((_, index) => firstWrite + index);
    firstWrite += unit.writes.length;
    // A refused unit has one row, for the write that failed; a stored one a row per write.
    const failed = writeNumbers.find(
      (number) => byWrite.has(number) && byWrite.get(number)!.outcome !== 'ok',
    );
    if (failed !== undefined) {
      return { ok: false, failedWrite: failed - writeNumbers[0], reason: byWrite.get(failed)!.outcome };
    }
    return {
      ok: true,
      results: writeNumbers.map((number) => ({
        lastRevision: Number(byWrite.get(number)!.last_revision),
        lastPosition: BigInt(byWrite.get(number)!.last_position!),
      })),
    };
  });
}
