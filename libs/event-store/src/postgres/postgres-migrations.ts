/** One numbered step of the PostgreSQL schema. Steps are applied in order, once each, and never edited. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

/** Taken by every append for the length of its transaction (see the README: serialised appends). */
export const APPEND_LOCK_KEY = 0x41_4c_4c_6f_67n; // "ALLog"
/** The LISTEN/NOTIFY channel an append announces its last position on. */
export const APPENDED_CHANNEL = 'actionledger_events';

/**
 * The schema, step by step. `data` and `metadata` are `json`, not `jsonb`: `json` keeps the text as written
 * (numbers, strings, key order), which the audit hash chain relies on, and accepts every string JSON.stringify
 * writes (`jsonb` refuses "\u0000"). Event ids are `text`, not `uuid`, so that an id comes back spelt as written.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'create the events table',
    sql: `
      CREATE TABLE events (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id text NOT NULL,
        stream_id text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        type text NOT NULL,
        data json NOT NULL,
        metadata json NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
      );
    `,
  },
  {
    version: 2,
    name: 'append units of writes in one serialised transaction',
    // One call appends a whole group commit: each unit (an append, or an atomic multi-stream append) in a
    // subtransaction of its own, so one refused unit does not undo the others. The lock is taken before any
    // position is drawn and held until commit, so positions become visible in the order they were drawn.
    sql: `
      CREATE FUNCTION event_store_append(
        p_unit_first int[], p_unit_count int[],
        p_stream text[], p_expected bigint[], p_event_first int[], p_event_count int[],
        p_event_id text[], p_type text[], p_data text[], p_metadata text[],
        p_recorded_at timestamptz
      ) RETURNS TABLE (write_no int, outcome text, last_revision bigint, last_position bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        u int;
        w int;
        k int;
        current_revision bigint;
        failed int;
        reason text;
        written_revision bigint;
        written_position bigint;
        done_revision bigint[];
        done_position bigint[];
        top bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
        FOR u IN 1 .. coalesce(array_length(p_unit_first, 1), 0) LOOP
          failed := NULL;
          done_revision := '{}';
          done_position := '{}';
          BEGIN
            FOR w IN p_unit_first[u] .. p_unit_first[u] + p_unit_count[u] - 1 LOOP
              failed := w;
              SELECT max(e.revision) INTO current_revision FROM events e WHERE e.stream_id = p_stream[w];
              IF (p_expected[w] = -1 AND current_revision IS NOT NULL)
                 OR (p_expected[w] >= 0 AND current_revision IS DISTINCT FROM p_expected[w]) THEN
                RAISE EXCEPTION 'stream % is not at revision %', p_stream[w], p_expected[w]
                  USING ERRCODE = 'AL001';
              END IF;
              WITH inserted AS (
                INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
                SELECT p_event_id[i], p_stream[w], coalesce(current_revision, -1) + 1 + (i - p_event_first[w]),
                       p_type[i], p_data[i]::json, p_metadata[i]::json, p_recorded_at
                FROM generate_series(p_event_first[w], p_event_first[w] + p_event_count[w] - 1) AS i
                ORDER BY i
                RETURNING events.revision, events.position
              )
              SELECT max(inserted.revision), max(inserted.position)
                INTO written_revision, written_position FROM inserted;
              done_revision := done_revision || written_revision;
              done_position := done_position || written_position;
            END LOOP;
            failed := NULL;
          EXCEPTION
            WHEN SQLSTATE 'AL001' THEN reason := 'revision';
            WHEN unique_violation THEN GET STACKED DIAGNOSTICS reason = CONSTRAINT_NAME;
            WHEN OTHERS THEN reason := 'error ' || SQLSTATE || ': ' || SQLERRM;
          END;
          IF failed IS NULL THEN
            FOR k IN 1 .. p_unit_count[u] LOOP
              write_no := p_unit_first[u] + k - 1;
              outcome := 'ok';
              last_revision := done_revision[k];
              last_position := done_position[k];
              top := greatest(top, done_position[k]);
              RETURN NEXT;
            END LOOP;
          ELSE
            write_no := failed;
            outcome := reason;
            last_revision := NULL;
            last_position := NULL;
            RETURN NEXT;
          END IF;
        END LOOP;
        IF top IS NOT NULL THEN
          PERFORM pg_notify('${APPENDED_CHANNEL}', top::text);
        END IF;
      END
      $fn$;

      -- The one-append-at-a-time case, which is most of them, without the arrays of units or a subtransaction:
      -- a refusal raises (AL001, or the unique violation) and the caller reads its code.
      CREATE FUNCTION event_store_append_one(
        p_stream text, p_expected bigint, p_event_id text[], p_type text[], p_data text[], p_metadata text[],
        p_recorded_at timestamptz, OUT last_revision bigint, OUT last_position bigint
      ) LANGUAGE plpgsql AS $fn$
      DECLARE
        current_revision bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
        SELECT max(e.revision) INTO current_revision FROM events e WHERE e.stream_id = p_stream;
        IF (p_expected = -1 AND current_revision IS NOT NULL)
           OR (p_expected >= 0 AND current_revision IS DISTINCT FROM p_expected) THEN
          RAISE EXCEPTION 'stream % is not at revision %', p_stream, p_expected USING ERRCODE = 'AL001';
        END IF;
        IF array_length(p_event_id, 1) = 1 THEN
          INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
          VALUES (p_event_id[1], p_stream, coalesce(current_revision, -1) + 1, p_type[1], p_data[1]::json,
                  p_metadata[1]::json, p_recorded_at)
          RETURNING events.revision, events.position INTO last_revision, last_position;
        ELSE
          WITH inserted AS (
            INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
            SELECT p_event_id[i], p_stream, coalesce(current_revision, -1) + i, p_type[i], p_data[i]::json,
                   p_metadata[i]::json, p_recorded_at
            FROM generate_series(1, array_length(p_event_id, 1)) AS i
            ORDER BY i
            RETURNING events.revision, events.position
          )
          SELECT max(inserted.revision), max(inserted.position) INTO last_revision, last_position FROM inserted;
        END IF;
        PERFORM pg_notify('${APPENDED_CHANNEL}', last_position::text);
      END
      $fn$;
    `,
  },
];
