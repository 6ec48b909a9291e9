import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type RawBuilder,
} from 'kysely';

/** A Kysely instance that only compiles (its driver never connects): keeps the compiler pure. */
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** PostgreSQL text (`$1`, `$2`… placeholders) and the ordered parameters of an expression. */
export function toSql<R>(expression: RawBuilder<R>): CompiledQuery<R> {
  return expression.compile(compiler);
}
