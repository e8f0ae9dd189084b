// The parameters a message needs, read from its ICU text by the type checker: every argument must be
// given, and an argument that selects a plural form (`{count, plural, …}`) or is formatted as a number
// (`{count, number}`) must be a number — a number formatted beforehand would choose the wrong form.
// The reader follows ICU's nesting: `{name}` and `{name, type…}` open an argument in message text, while
// inside a plural or select the braces after a selector (`one {…}`, `ms {…}`) hold a sub-message.
// Apostrophe escapes are not followed (a test renders every text with the parameters it names).

/** The next brace: which one, the text before it, the text after it. */
type NextBrace<S extends string> =
  S extends `${infer Before}{${infer After}`
    ? Before extends `${infer B1}}${infer B2}` ? ['}', B1, `${B2}{${After}`] : ['{', Before, After]
    : S extends `${infer Before}}${infer After}` ? ['}', Before, After] : ['end', S, '']

type Trim<S extends string> = S extends ` ${infer T}` | `\n${infer T}` ? Trim<T> : S extends `${infer T} ` | `${infer T}\n` ? Trim<T> : S

/** A simple argument (`name`, `name, number`): its name, split by kind. */
type SimpleArg<Head extends string> =
  Head extends `${infer N}, number${string}` ? { number: Trim<N>; other: never } : Head extends `${infer N},${string}` ? { number: never; other: Trim<N> } : { number: never; other: Trim<Head> }

/** A complex argument's head up to its first sub-message (`count, plural, one `). */
type ComplexArg<Head extends string> =
  Head extends `${infer N}, ${'plural' | 'selectordinal'}${string}` ? { number: Trim<N>; other: never } : Head extends `${infer N},${string}` ? { number: never; other: Trim<N> } : { number: never; other: never }

/** 'msg': inside a (sub-)message; 'opts': between the sub-messages of a plural or select. The top level is []. */
type Frame = 'msg' | 'opts'

type Parse<S extends string, Stack extends Frame[] = [], Number = never, Other = never> =
  NextBrace<S> extends [infer Brace, string, infer Rest extends string]
    ? Brace extends 'end' ? { number: Number; other: Other }
      : Stack extends ['opts', ...infer Up extends Frame[]]
        ? Brace extends '{' ? Parse<Rest, ['msg', ...Stack], Number, Other> : Parse<Rest, Up, Number, Other>
        : Brace extends '}'
          ? Parse<Rest, Stack extends [Frame, ...infer Up extends Frame[]] ? Up : [], Number, Other>
          : NextBrace<Rest> extends [infer Closing, infer Head extends string, infer After extends string]
            ? Closing extends '}' ? Parse<After, Stack, Number | SimpleArg<Head>['number'], Other | SimpleArg<Head>['other']>
              : Closing extends '{' ? Parse<After, ['msg', 'opts', ...Stack], Number | ComplexArg<Head>['number'], Other | ComplexArg<Head>['other']>
                : { number: Number; other: Other }
            : never
    : never

type NumberArgs<S> = S extends string ? Parse<S>['number'] : never
type AnyArgs<S> = S extends string ? Parse<S>['number'] | Parse<S>['other'] : never

/**
 * The parameters of a message whose texts (German and English) are `S`. A text the type checker cannot
 * read (a plain `string`, e.g. texts composed at run time) takes any parameters.
 */
export type ParamsOf<S> = string extends S
  ? Record<string, string | number>
  : { [P in NumberArgs<S>]: number } & { [P in Exclude<AnyArgs<S>, NumberArgs<S>>]: string | number }

/** The rest parameters of `translate`/`t`: none for a text without arguments, else exactly its parameters. */
export type ParamsArgs<S> = string extends S
  ? [params?: Record<string, string | number>]
  : [AnyArgs<S>] extends [never] ? [params?: Record<string, never>] : [params: ParamsOf<S>]
