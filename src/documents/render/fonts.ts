import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => require.resolve(`@expo-google-fonts/${pkg}/${file}`);

/**
 * The fonts every document is set in, by file path: PT Serif for the text, PT Sans for tables
 * and charts, PT Mono for hashes. All three carry every Kyrgyz letter (Ң ң Ө ө Ү ү) and come
 * with `npm install`; the packages' index.js (made for Expo) is never imported.
 */
export const FONTS = {
  PTSerif: {
    normal: font("pt-serif", "400Regular/PTSerif_400Regular.ttf"),
    bold: font("pt-serif", "700Bold/PTSerif_700Bold.ttf"),
    italics: font("pt-serif", "400Regular_Italic/PTSerif_400Regular_Italic.ttf"),
    bolditalics: font("pt-serif", "700Bold_Italic/PTSerif_700Bold_Italic.ttf"),
  },
  PTSans: {
    normal: font("pt-sans", "400Regular/PTSans_400Regular.ttf"),
    bold: font("pt-sans", "700Bold/PTSans_700Bold.ttf"),
    italics: font("pt-sans", "400Regular_Italic/PTSans_400Regular_Italic.ttf"),
    bolditalics: font("pt-sans", "700Bold_Italic/PTSans_700Bold_Italic.ttf"),
  },
  PTMono: {
    normal: font("pt-mono", "400Regular/PTMono_400Regular.ttf"),
    bold: font("pt-mono", "400Regular/PTMono_400Regular.ttf"),
    italics: font("pt-mono", "400Regular/PTMono_400Regular.ttf"),
    bolditalics: font("pt-mono", "400Regular/PTMono_400Regular.ttf"),
  },
} as const;

export type FontFamily = keyof typeof FONTS;

export const FONT_FILES: ReadonlySet<string> = new Set(Object.values(FONTS).flatMap((family) => Object.values(family)));

/** The installed version of a package, for the renderer version stored with each document. */
export function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}
