export { db, getDbHandle, type Db, type Tx, type Queryable } from "./client";
export * as t from "./schema";
