/**
 * Which files hold ORM models, decided from the name and text alone. Kept apart from the readers
 * so that recognising a file never loads ts-morph or the Prisma parser: a scan of SQL files
 * starts without them.
 */
const TS_EXTENSIONS = /\.(ts|mts|cts|tsx)$/i;

export function isTypeScriptPath(path: string): boolean {
  return TS_EXTENSIONS.test(path) && !/\.d\.[mc]?ts$/i.test(path);
}

const IMPORTS_TYPEORM = /\bfrom\s*['"]typeorm(?:\/[^'"]*)?['"]|\brequire\(\s*['"]typeorm['"]\s*\)/;
const TYPEORM_DECORATOR =
  /@(?:\w+\.)?(?:Entity|ViewEntity|Column|PrimaryColumn|PrimaryGeneratedColumn|CreateDateColumn|UpdateDateColumn|DeleteDateColumn|VersionColumn|ViewColumn|ManyToOne|OneToOne|OneToMany|ManyToMany|JoinColumn|JoinTable)\s*\(/;

/** A TypeORM decorator called without `@`: a project's own decorator that wraps it (`return Column({…})`). */
const TYPEORM_CALL =
  /\b(?:Entity|ViewEntity|Column|PrimaryColumn|PrimaryGeneratedColumn|CreateDateColumn|UpdateDateColumn|DeleteDateColumn|VersionColumn|ViewColumn|ManyToOne|OneToOne|OneToMany|ManyToMany|JoinColumn|JoinTable|Index|Unique)\s*\(/;
/** An abstract base class with decorated properties: its decorators may all be the project's own. */
const DECORATED_ABSTRACT_CLASS = /\babstract\s+class\b[\s\S]*?@\w+(?:\.\w+)?\s*\(/;

export function isTypeOrmFile(path: string, text: string): boolean {
  if (!isTypeScriptPath(path)) return false;
  if (IMPORTS_TYPEORM.test(text)) return TYPEORM_DECORATOR.test(text) || TYPEORM_CALL.test(text);
  return DECORATED_ABSTRACT_CLASS.test(text) && !isDrizzleFile(path, text);
}

const IMPORTS_DRIZZLE_CORE = /\bfrom\s*['"]drizzle-orm\/(?:pg|mysql|sqlite|singlestore)-core['"]/;
const IMPORTS_DRIZZLE = /\bfrom\s*['"]drizzle-orm['"]/;
const RELATIONS_CALL = /\brelations\s*\(/;

export function isDrizzleFile(path: string, text: string): boolean {
  if (!isTypeScriptPath(path)) return false;
  return IMPORTS_DRIZZLE_CORE.test(text) || (IMPORTS_DRIZZLE.test(text) && RELATIONS_CALL.test(text));
}

export function isPrismaFile(path: string): boolean {
  return /\.prisma$/i.test(path);
}
