// SQL dumps as mysqldump and pg_dump write them. MySQL: CREATE TABLE, then one extended INSERT
// (many tuples, one line) per table per batch, without a column list, so names must come from
// the DDL. PostgreSQL: COPY … FROM stdin blocks for two tables, INSERTs (with and without a
// column list) for the other two.
import { SCHEMA, TABLES, type DumpStyle, type Row, type TableName } from '../rows.js';
import type { FormatWriter } from './types.js';

interface TableLayout { readonly table: TableName; readonly indexes: number[]; readonly names: string[]; readonly numeric: boolean[] }

/** Every table but `penduduk` starts with `penduduk_id`, the row id, as a foreign key. */
function layouts(style: DumpStyle): TableLayout[] {
  const idIndex = SCHEMA.findIndex((c) => c.key === 'id');
  return TABLES.map((table) => {
    const indexes = table === 'penduduk' ? [] : [idIndex];
    const names = table === 'penduduk' ? [] : ['penduduk_id'];
    SCHEMA.forEach((c, i) => { if (c.table === table) { indexes.push(i); names.push(style.names[i] ?? c.key); } });
    return { table, indexes, names, numeric: indexes.map((i) => SCHEMA[i]?.numeric === true) };
  });
}

const MYSQL_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\0': '\\0' };

function mysqlValue(cell: string | null | undefined, numeric: boolean): string {
  if (cell === null || cell === undefined) return 'NULL';
  return numeric ? cell : `'${cell.replace(/[\\'\n\r\0]/g, (c) => MYSQL_ESCAPES[c] ?? c)}'`;
}

export function mysqlWriter(style: DumpStyle): FormatWriter {
  const tables = layouts(style);
  return {
    start() {
      let out = '-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)\n--\n-- Host: localhost    Database: toko_contoh\n' +
        '-- ------------------------------------------------------\n/*!40101 SET NAMES utf8mb4 */;\n/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n\n';
      for (const t of tables) {
        const defs = t.names.map((n, i) => `  \`${n}\` ${t.numeric[i] ? 'bigint' : 'varchar(255)'} ${i === 0 ? 'NOT NULL' : 'DEFAULT NULL'}`);
        out += `--\n-- Table structure for table \`${t.table}\`\n--\n\nDROP TABLE IF EXISTS \`${t.table}\`;\n` +
          `CREATE TABLE \`${t.table}\` (\n${defs.join(',\n')},\n  KEY \`idx_${t.names[0]}\` (\`${t.names[0]}\`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\n\n`;
      }
      return out;
    },
    batch(rows: readonly Row[]): string {
      let out = '';
      for (const t of tables) {
        const tuples = rows.map((row) => `(${t.indexes.map((ix, k) => mysqlValue(row[ix], t.numeric[k] ?? false)).join(',')})`);
        out += `LOCK TABLES \`${t.table}\` WRITE;\nINSERT INTO \`${t.table}\` VALUES ${tuples.join(',')};\nUNLOCK TABLES;\n`;
      }
      return out;
    },
    end: () => '/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;\n\n-- Dump completed on 2024-03-05 10:11:12\n',
  };
}

const pgIdent = (name: string): string => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copyValue = (cell: string | null | undefined): string =>
  cell === null || cell === undefined ? '\\N' : cell.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c);
const pgLiteral = (cell: string | null | undefined, numeric: boolean): string =>
  cell === null || cell === undefined ? 'NULL' : numeric ? cell : `'${cell.replace(/'/g, "''")}'`;

export function postgresWriter(style: DumpStyle): FormatWriter {
  const tables = layouts(style);
  return {
    start() {
      let out = '--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 15.5\n\nSET statement_timeout = 0;\n' +
        "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n";
      for (const t of tables) {
        const defs = t.names.map((n, i) => `    ${pgIdent(n)} ${t.numeric[i] ? 'bigint' : 'character varying(255)'}${i === 0 ? ' NOT NULL' : ''}`);
        out += `--\n-- Name: ${t.table}; Type: TABLE; Schema: public; Owner: postgres\n--\n\nCREATE TABLE public.${t.table} (\n${defs.join(',\n')}\n);\n\n`;
      }
      return out;
    },
    batch(rows: readonly Row[]): string {
      let out = '';
      for (const t of tables) {
        if (t.table === 'penduduk' || t.table === 'pesanan') {
          out += `COPY public.${t.table} (${t.names.map(pgIdent).join(', ')}) FROM stdin;\n`;
          for (const row of rows) out += t.indexes.map((ix) => copyValue(row[ix])).join('\t') + '\n';
          out += '\\.\n\n';
        } else {
          const list = t.table === 'kesehatan' ? ` (${t.names.map(pgIdent).join(', ')})` : '';
          for (const row of rows) {
            out += `INSERT INTO public.${t.table}${list} VALUES (${t.indexes.map((ix, k) => pgLiteral(row[ix], t.numeric[k] ?? false)).join(', ')});\n`;
          }
          out += '\n';
        }
      }
      return out;
    },
    end: () => '--\n-- PostgreSQL database dump complete\n--\n\n',
  };
}
