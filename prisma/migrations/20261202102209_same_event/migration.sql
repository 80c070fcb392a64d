-- The same event reported twice is one figure (issue 10). Reports of an *event* metric with the
-- same subject, year, period class, kind and value (in the unit family's base), whose labels say
-- the same thing (same_event_label below) and whose issues are at most 14 days apart, are one
-- event; any other report is an event of its own. A trigger writes the event into fact.event_key
-- when an event report is approved or changed: the key of the report it joins, else 'a<fact id>'.
-- Keys an admin set are kept: 'm…' (merged by hand) is joined by later reports of that event like
-- any other; 's…' (split by hand) is an event of its own that nothing joins. figure_event() and
-- fact_figure are unchanged: they read event_key. The TypeScript twin is lib/vocab/figure.ts
-- (eventLabelNorm, sameEventLabel, SAME_EVENT_DAYS), checked by tests/integration/vocab-sql.test.ts.

-- A label as compared: ASCII letters lower-cased; white space, ASCII and CJK punctuation and
-- digits dropped (translate(), not a regex, so both sides drop exactly the same characters).
CREATE FUNCTION event_label_norm(s TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(translate(COALESCE(s, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),
                   chr(9) || chr(10) || chr(13) || ' ' || '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~0123456789０１２３４５６７８９“”‘’、，。：；！？（）《》【】〈〉「」『』〔〕·—…～　', '')
$$;

-- Distinct character pairs of a normalised label.
CREATE FUNCTION event_label_bigrams(s TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(DISTINCT substr(s, i, 2)), '{}') FROM generate_series(1, length(s) - 1) AS i
$$;

-- Labels say the same thing: either says nothing (no label), one contains the other (培训 /
-- 科技特派员培训), or their character pairs overlap with a Dice coefficient of at least 0.6.
CREATE FUNCTION same_event_label(a TEXT, b TEXT) RETURNS BOOLEAN
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE x TEXT := event_label_norm(a); y TEXT := event_label_norm(b); bx TEXT[]; bb TEXT[]; common INTEGER;
BEGIN
  IF x = '' OR y = '' OR strpos(x, y) > 0 OR strpos(y, x) > 0 THEN RETURN TRUE; END IF;
  bx := event_label_bigrams(x);
  bb := event_label_bigrams(y);
  IF cardinality(bx) = 0 OR cardinality(bb) = 0 THEN RETURN FALSE; END IF;
  SELECT count(*) INTO common FROM (SELECT unnest(bx) INTERSECT SELECT unnest(bb)) c;
  RETURN 10 * common >= 3 * (cardinality(bx) + cardinality(bb));
END $$;

-- The event of an approved report of an event metric (see the top). Runs before the row is
-- written, so fact_figure's statement triggers group it with the event it joined.
CREATE FUNCTION fact_event_assign() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE nat metric_nature; d DATE; k TEXT;
BEGIN
  IF NEW.status <> 'approved' OR NEW.deleted_at IS NOT NULL OR NEW.year IS NULL
     OR (NEW.event_key IS NOT NULL AND NEW.event_key NOT LIKE 'a%') THEN
    RETURN NEW;
  END IF;
  SELECT m.nature INTO nat FROM metric m WHERE m.id = NEW.metric_id;
  IF nat IS DISTINCT FROM 'event' THEN RETURN NEW; END IF;
  SELECT i.date INTO d FROM article a JOIN issue i ON i.id = a.issue_id WHERE a.id = NEW.article_id;
  IF d IS NOT NULL THEN
    SELECT f2.event_key INTO k
      FROM fact f2
      JOIN article a2 ON a2.id = f2.article_id
      JOIN issue i2 ON i2.id = a2.issue_id AND i2.deleted_at IS NULL
     WHERE f2.id <> NEW.id AND f2.metric_id = NEW.metric_id AND f2.status = 'approved' AND f2.deleted_at IS NULL
       AND f2.year = NEW.year AND f2.kind = NEW.kind AND period_class(f2.period) = period_class(NEW.period)
       AND f2.park_id IS NOT DISTINCT FROM NEW.park_id AND f2.region_id IS NOT DISTINCT FROM NEW.region_id
       AND f2.project_id IS NOT DISTINCT FROM NEW.project_id AND f2.org_id IS NOT DISTINCT FROM NEW.org_id
       AND unit_family(f2.unit) = unit_family(NEW.unit)
       AND unit_base_value(f2.value, f2.unit) = unit_base_value(NEW.value, NEW.unit)
       AND f2.event_key IS NOT NULL AND f2.event_key NOT LIKE 's%'
       AND abs(i2.date - d) <= 14
       AND same_event_label(f2.metric_label, NEW.metric_label)
     ORDER BY abs(i2.date - d), f2.id
     LIMIT 1;
  END IF;
  IF k IS NULL THEN
    -- An event of its own. If reports that joined this one keep its old key (its value or date
    -- changed), it takes a new one, so they are not mixed up with what it reports now.
    k := 'a' || NEW.id;
    IF EXISTS (SELECT 1 FROM fact f3 WHERE f3.metric_id = NEW.metric_id AND f3.year = NEW.year AND f3.event_key = k AND f3.id <> NEW.id) THEN
      k := k || '.' || NEW.version || '.' || floor(random() * 1e9)::bigint;
    END IF;
  END IF;
  NEW.event_key := k;
  RETURN NEW;
END $$;

CREATE TRIGGER fact_event_before_write BEFORE INSERT OR UPDATE ON "fact"
  FOR EACH ROW EXECUTE FUNCTION fact_event_assign();

-- Re-derives the events of approved reports of the given metrics (all when NULL), oldest issue
-- first; keys set by an admin stay. For this migration and a metric that becomes an event metric.
-- The reports are first parked under 's?' (a key nothing joins and the trigger leaves alone), so
-- none joins an event found before the re-derivation.
CREATE FUNCTION fact_event_backfill(metric_ids INTEGER[] DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE r RECORD;
BEGIN
  UPDATE fact f SET event_key = 's?'
    FROM metric m
   WHERE m.id = f.metric_id AND m.nature = 'event' AND f.status = 'approved' AND f.deleted_at IS NULL AND f.year IS NOT NULL
     AND (f.event_key IS NULL OR f.event_key LIKE 'a%') AND (metric_ids IS NULL OR f.metric_id = ANY(metric_ids));
  FOR r IN
    SELECT f.id FROM fact f
      LEFT JOIN article a ON a.id = f.article_id
      LEFT JOIN issue i ON i.id = a.issue_id
     WHERE f.event_key = 's?' AND (metric_ids IS NULL OR f.metric_id = ANY(metric_ids))
     ORDER BY i.date NULLS LAST, f.id
  LOOP
    UPDATE fact SET event_key = NULL WHERE id = r.id;
  END LOOP;
END $$;

-- A metric whose nature changes re-derives its events, then regroups its reports.
CREATE OR REPLACE FUNCTION metric_nature_on_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM fact_event_backfill(ARRAY[NEW.id]);
  PERFORM fact_figure_rebuild(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

SELECT fact_event_backfill();
SELECT fact_figure_rebuild();
