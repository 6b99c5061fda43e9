/**
 * Where each official release is published. A release is a list of parts; each part is one official
 * download, or, on a mirror, the same content as separate files (a mirror lays files out as
 * <system>/<year>/<name>, like medcode's shared/data folder). sha256 values are those of the files as
 * published; a part whose download does not match is refused.
 */
import type { CodeSystem } from '../terminology/code-system.ts';

export interface CatalogueFile {
  readonly name: string;
  /** Official address; undefined for files that exist only inside an official zip. */
  readonly url?: string;
  readonly sha256?: string;
}

export interface CataloguePart {
  readonly what: string;
  /** Without it the release cannot be loaded (the order file). */
  readonly required: boolean;
  /** One of these: the official download first, then the files a mirror may hold instead. */
  readonly choices: readonly (readonly CatalogueFile[])[];
}

export interface CatalogueRelease {
  readonly system: CodeSystem;
  readonly year: number;
  readonly parts: readonly CataloguePart[];
}

const CDC = 'https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM';
const CMS = 'https://www.cms.gov/files/zip';

const one = (name: string, url?: string, sha256?: string): CatalogueFile[] => [
  { name, ...(url ? { url } : {}), ...(sha256 ? { sha256 } : {}) },
];

export const RELEASE_CATALOGUE: readonly CatalogueRelease[] = [
  {
    system: 'icd10cm',
    year: 2023,
    parts: [
      {
        what: 'order file',
        required: true,
        choices: [
          one(
            'icd10-Order-CodeFiles2023.zip',
            `${CDC}/2023/icd10-Order-CodeFiles2023.zip`,
            'a7bfd4511dc154bff96fe0ced5fcd633bd26f997ccd6ae386f5c24595e1789b5',
          ),
          one(
            'icd10cm-order-2023.txt',
            undefined,
            '7db4a5e31b599b0bcf0a332d4553e30135ee87355dad443bdadbccfa99a73229',
          ),
        ],
      },
      {
        what: 'tabular and index XML',
        required: false,
        choices: [
          one('icd10cm-Tabular-Index-2023.zip', `${CDC}/2023/icd10cm-Tabular-Index-2023.zip`),
          [
            {
              name: 'icd10cm_tabular_2023.xml',
              sha256: 'ef862d47d79c69b19d4228855b9a79299e8e004edc14190167b1e66daa8c5825',
            },
            {
              name: 'icd10cm_index_2023.xml',
              sha256: 'caab6cb0915550a91330ad782f569988f71b77a5a3273144a03cac52bd6fd771',
            },
          ],
        ],
      },
    ],
  },
  {
    system: 'icd10cm',
    year: 2025,
    parts: [
      {
        what: 'order file',
        required: true,
        choices: [
          one(
            '2025-code-descriptions-tabular-order.zip',
            `${CMS}/2025-code-descriptions-tabular-order.zip`,
            '4f6c65f0034736d2b02fa9eb1128aab564fa673dd4d99363f8b2167af3994816',
          ),
          one(
            'icd10cm_order_2025.txt',
            undefined,
            '88ec3c01a58a2d4ee14b670550197b437a2cfbb7a1097fad0848e0e2690f9b13',
          ),
        ],
      },
      {
        what: 'drug, neoplasm and external-cause index XML',
        required: false,
        choices: [
          one('icd10cm-table-index-2025.zip', `${CDC}/2025/icd10cm-table-index-2025.zip`),
          [
            {
              name: 'icd-10-cm-drug-2025.xml',
              sha256: 'c9e7bd78d02f25495842444d3b09a5e5d935be83ffa139aff725b4c7ccc9be64',
            },
            {
              name: 'icd-10-cm-neoplasm-2025.xml',
              sha256: '20ce857cc0424666e42d2ab5df912d4809090aeb580dfb71b596f7d8989abb48',
            },
            {
              name: 'icd-10-cm-eindex-2025.xml',
              sha256: '41fa87021d75527d740e120171efe84d995a852d9fd2b76524f483489b59cd23',
            },
          ],
        ],
      },
    ],
  },
  {
    system: 'icd10cm',
    year: 2026,
    parts: [
      {
        what: 'order file',
        required: true,
        choices: [
          one(
            '2026-code-descriptions-tabular-order.zip',
            `${CMS}/2026-code-descriptions-tabular-order.zip`,
            '55a9124a27ca78a4a5c41e1101eda064ec2e08d105ff9e78d1fbd1a83298ef11',
          ),
          one(
            'icd10cm_order_2026.txt',
            undefined,
            '6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b',
          ),
        ],
      },
      {
        what: 'drug, neoplasm and external-cause index XML',
        required: false,
        choices: [
          one('icd10cm-April-1-2026-XML.zip', `${CDC}/2026-update/icd10cm-April-1-2026-XML.zip`),
          [
            {
              name: 'icd10cm-drug-April-1-2026-XML.xml',
              sha256: '5fb3c6d65a7924027e02b89d4234a9ea960e3d48e407b1bc26f0d3ccbfeb9fcc',
            },
            {
              name: 'icd10cm-neoplasm-April-1-2026-XML.xml',
              sha256: '2968606b90795f5a49fa4be6b6c876fb59cae9f04e4f203f8cf566d5926303a5',
            },
            {
              name: 'icd10cm-eindex-April-1-2026-XML.xml',
              sha256: 'ffe081c4cfb9b10396f6933f8411a0b221752d7fcf47bc28e08935d9bc3564b6',
            },
          ],
        ],
      },
    ],
  },
  ...[2025, 2026].map((year): CatalogueRelease => ({
    system: 'icd10pcs',
    year,
    parts: [
      {
        what: 'order file',
        required: true,
        choices: [
          one(
            `${year}-icd-10-pcs-order-file-long-and-abbreviated-titles.zip`,
            `${CMS}/${year}-icd-10-pcs-order-file-long-and-abbreviated-titles.zip`,
            year === 2025
              ? '3534c5f6ec23d1179d960683feb24137a4c163c7b91aa45a1ad889c042f7027a'
              : '64e37e6060bfd9eca74d9973be28fdf570b40f87a3a855bd078eb343dd0e594e',
          ),
        ],
      },
      {
        what: 'tables, index and definitions XML',
        required: false,
        choices: [
          one(
            `${year}-icd-10-pcs-code-tables-and-index.zip`,
            `${CMS}/${year}-icd-10-pcs-code-tables-and-index.zip`,
          ),
          [
            { name: `icd10pcs_tables_${year}.xml` },
            { name: `icd10pcs_definitions_${year}.xml` },
            ...(year === 2025 ? [{ name: 'icd10pcs_index_2025.xml' }] : []),
          ],
        ],
      },
    ],
  })),
  {
    system: 'hcpcs',
    year: 2025,
    parts: [
      {
        what: 'annual alpha-numeric file',
        required: true,
        choices: [
          one(
            'january-2025-alpha-numeric-hcpcs-file.zip',
            `${CMS}/january-2025-alpha-numeric-hcpcs-file.zip`,
            'b18148a90422eb857311484203e15cd96d69917ad8e477d74e6331a3124495ac',
          ),
          one(
            'HCPC2025_JAN_ANWEB_12172024.txt',
            undefined,
            'e0b73fad41d9fcacfffa73b118d4454aca6aa5e8a5e42f3a24cacb4a192e194e',
          ),
        ],
      },
    ],
  },
];
