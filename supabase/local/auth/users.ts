// The auth service's data: users, sessions and rotating refresh tokens in GoTrue's auth.* tables.
// Passwords are bcrypt hashes made and checked by pgcrypto, so rows inserted by seed.sql work as-is.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

export type UserRow = {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  email_confirmed_at: Date | null;
  confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  identities: Record<string, unknown>[];
};

export type RefreshTokenRow = {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  updated_at: Date;
  session_id: string;
};

// The identities as GoTrue's models.Identity marshals them (identity_id is the row id, id the provider's).
const userColumns = `id, aud, role, email, phone, email_confirmed_at, confirmed_at, last_sign_in_at, raw_app_meta_data,
  raw_user_meta_data, created_at, updated_at, banned_until, deleted_at, is_anonymous,
  (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('identity_id', i.id, 'id', i.provider_id, 'user_id', i.user_id,
            'identity_data', i.identity_data, 'provider', i.provider, 'last_sign_in_at', i.last_sign_in_at,
            'created_at', i.created_at, 'updated_at', i.updated_at, 'email', i.email)) order by i.created_at, i.id), '[]')
     from auth.identities i where i.user_id = auth.users.id) as identities`;

export const defaultAppMetadata = { provider: "email", providers: ["email"] };

export function userJson(user: UserRow) {
  return {
    id: user.id,
    aud: user.aud ?? "authenticated",
    role: user.role ?? "authenticated",
    email: user.email ?? "",
    email_confirmed_at: user.email_confirmed_at ?? undefined,
    phone: user.phone ?? "",
    confirmed_at: user.confirmed_at ?? undefined,
    last_sign_in_at: user.last_sign_in_at ?? undefined,
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: user.identities ?? [],
    created_at: user.created_at,
    updated_at: user.updated_at,
    banned_until: user.banned_until ?? undefined,
    is_anonymous: user.is_anonymous,
  };
}

export const isBanned = (user: UserRow) => user.banned_until !== null && user.banned_until.getTime() > Date.now();

export class UserStore {
  constructor(private readonly pool: pg.Pool) {}

  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      const result = await work(client);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async byId(id: string, db: pg.ClientBase | pg.Pool = this.pool): Promise<UserRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const { rows } = await db.query<UserRow>(`select ${userColumns} from auth.users where id = $1`, [id]);
    return rows[0];
  }

  async byEmail(email: string): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      `select ${userColumns} from auth.users where lower(email) = lower($1) and deleted_at is null`,
      [email],
    );
    return rows[0];
  }

  /** The user whose email and password match, checked by pgcrypto's crypt(). */
  async withPassword(email: string, password: string): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      `select ${userColumns} from auth.users
        where lower(email) = lower($1) and deleted_at is null and encrypted_password is not null
          and encrypted_password = extensions.crypt($2, encrypted_password)`,
      [email, password],
    );
    return rows[0];
  }

  async passwordMatches(id: string, password: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `select 1 from auth.users where id = $1 and encrypted_password = extensions.crypt($2, encrypted_password)`,
      [id, password],
    );
    return rows.length > 0;
  }

  async list(page: number, perPage: number): Promise<{ users: UserRow[]; total: number }> {
    const { rows } = await this.pool.query<UserRow & { total: string }>(
      `select ${userColumns}, count(*) over () as total from auth.users where deleted_at is null
        order by created_at desc, id limit $1 offset $2`,
      [perPage, (page - 1) * perPage],
    );
    const total = rows.length
      ? Number(rows[0].total)
      : Number((await this.pool.query("select count(*) from auth.users where deleted_at is null")).rows[0].count);
    return { users: rows, total };
  }

  async create(attributes: {
    id?: string;
    email: string;
    password?: string;
    emailConfirmed: boolean;
    role?: string;
    appMetadata?: Record<string, unknown>;
    userMetadata?: Record<string, unknown>;
    bannedUntil?: Date | null;
  }): Promise<UserRow> {
    return this.transaction(async (client) => {
      const id = attributes.id ?? randomUUID();
      const { rows } = await client.query<UserRow>(
        // GoTrue writes every token column ('' when unused): the table gives the first ones no default.
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
            raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at,
            confirmation_token, recovery_token, email_change_token_new, email_change)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, lower($3),
            case when $4::text is null then null else extensions.crypt($4, extensions.gen_salt('bf')) end,
            case when $5 then now() end, $6, $7, $8, now(), now(), '', '', '', '')
         returning ${userColumns}`,
        [
          id,
          attributes.role ?? "authenticated",
          attributes.email,
          attributes.password ?? null,
          attributes.emailConfirmed,
          { ...defaultAppMetadata, ...attributes.appMetadata },
          attributes.userMetadata ?? {},
          attributes.bannedUntil ?? null,
        ],
      );
      await client.query(
        `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
         values ($1, $2, $3, 'email', now(), now())`,
        [id, id, { sub: id, email: attributes.email.toLowerCase(), email_verified: attributes.emailConfirmed }],
      );
      return (await this.byId(rows[0].id, client))!; // read again: with its identity
    });
  }

  /** Applies the given changes; metadata objects are merged key by key (null removes a key), as GoTrue does. */
  async update(
    id: string,
    changes: {
      password?: string;
      email?: string;
      emailConfirmed?: boolean;
      role?: string;
      appMetadata?: Record<string, unknown>;
      userMetadata?: Record<string, unknown>;
      bannedUntil?: Date | null;
    },
  ): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      `update auth.users set
          encrypted_password = coalesce(extensions.crypt($2, extensions.gen_salt('bf')), encrypted_password),
          email = coalesce(lower($3), email),
          email_confirmed_at = case when $4::boolean is null then email_confirmed_at
                                    when $4 then coalesce(email_confirmed_at, now()) end,
          role = coalesce($5, role),
          raw_app_meta_data = case when $6::jsonb is null then raw_app_meta_data
                                   else jsonb_strip_nulls(coalesce(raw_app_meta_data, '{}') || $6) end,
          raw_user_meta_data = case when $7::jsonb is null then raw_user_meta_data
                                    else jsonb_strip_nulls(coalesce(raw_user_meta_data, '{}') || $7) end,
          banned_until = case when $8 then $9::timestamptz else banned_until end,
          updated_at = now()
        where id = $1
        returning ${userColumns}`,
      [
        id,
        changes.password ?? null,
        changes.email ?? null,
        changes.emailConfirmed ?? null,
        changes.role ?? null,
        changes.appMetadata ?? null,
        changes.userMetadata ?? null,
        changes.bannedUntil !== undefined,
        changes.bannedUntil ?? null,
      ],
    );
    // As GoTrue's User.Ban: only banned_until changes; the sessions stay, and every use of them is refused
    // (/user 403 user_banned, refresh 400 user_banned).
    return rows[0];
  }

  async delete(id: string, soft: boolean): Promise<UserRow | undefined> {
    return this.transaction(async (client) => {
      const user = await this.byId(id, client);
      if (!user) return undefined;
      if (soft) {
        await client.query("update auth.users set deleted_at = now(), updated_at = now() where id = $1", [id]);
        await client.query("delete from auth.sessions where user_id = $1", [id]);
      } else {
        await client.query("delete from auth.users where id = $1", [id]);
      }
      return user;
    });
  }

  async startSession(userId: string, userAgent: string | undefined, ip: string | undefined) {
    return this.transaction(async (client) => {
      const sessionId = randomUUID();
      await client.query(
        `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
         values ($1, $2, now(), now(), 'aal1', $3, $4)`,
        [sessionId, userId, userAgent ?? null, ip ?? null],
      );
      const refreshToken = await this.issueRefreshToken(client, userId, sessionId, null);
      await client.query("update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1", [userId]);
      return { sessionId, refreshToken };
    });
  }

  async issueRefreshToken(client: pg.ClientBase, userId: string, sessionId: string, parent: string | null) {
    const token = randomBytes(16).toString("base64url");
    await client.query(
      `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
       values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
      [token, userId, parent, sessionId],
    );
    return token;
  }

  async sessionExists(sessionId: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
    const { rows } = await this.pool.query("select 1 from auth.sessions where id = $1", [sessionId]);
    return rows.length > 0;
  }

  async endSessions(userId: string, sessionId: string, scope: "global" | "local" | "others") {
    if (scope === "global") return void (await this.pool.query("delete from auth.sessions where user_id = $1", [userId]));
    const condition = scope === "local" ? "id = $2" : "id <> $2";
    await this.pool.query(`delete from auth.sessions where user_id = $1 and ${condition}`, [userId, sessionId]);
  }
}
