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

export function isTypeOrmFile(path: string, text: string): boolean {
  return isTypeScriptPath(path) && IMPORTS_TYPEORM.test(text) && TYPEORM_DECORATOR.test(text);
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
