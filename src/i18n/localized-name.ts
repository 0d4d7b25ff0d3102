import { FluentType } from "@fluent/bundle";
import { isLocale, type Locale } from "../domain/locale.js";

type Scope = Parameters<FluentType<unknown>["toString"]>[0];

/**
 * A proper name that has an official form in each language (the municipality: «Мин-Булак айыл
 * аймагы» / «Мин-Булакский айылный аймак»). Given to a translation as a variable, it prints
 * the form of the message's own language; elsewhere, `in(locale)` picks one.
 */
export class LocalizedName extends FluentType<Readonly<Record<Locale, string>>> {
  in(locale: Locale): string {
    return this.value[locale];
  }

  override toString(scope: Scope): string {
    const locale = scope.bundle.locales[0];
    return this.value[isLocale(locale) ? locale : "ky"];
  }
}
