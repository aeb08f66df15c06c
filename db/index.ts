export { db, getDbHandle, type Db, type Tx, type Queryable } from "./client";
export { readTogether } from "./read-together";
export * as t from "./schema";
