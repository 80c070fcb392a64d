// Writes one audit_log row inside the caller's transaction, so a change and its record commit
// (or roll back) together. before/after are stored as JSON after Decimal/BigInt/Date are made plain.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AuditTx = Pick<Prisma.TransactionClient, 'auditLog'>;

export interface AuditEntry {
  userId: number | null;
  /** create, update, approve, reject, delete, restore, import, merge, sign_in, sign_out, … */
  action: string;
  entityType: string;
  entityId?: string | number | bigint | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/** JSON-safe copy: Decimal → string, BigInt → string, Date → ISO, undefined dropped. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    // Prisma.Decimal (decimal.js) has toJSON → string already; Date likewise → ISO string.
    return v;
  });
  return text === undefined ? undefined : (JSON.parse(text) as Prisma.InputJsonValue);
}

export async function audit(tx: AuditTx, entry: AuditEntry): Promise<void> {
  const before = toAuditJson(entry.before);
  const after = toAuditJson(entry.after);
  await tx.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action.slice(0, 50),
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      note: entry.note ?? null,
    },
  });
}
