// Membership in a closed value list (an enum's `as const` array), as a type guard: no cast to `readonly string[]`.

export const isOneOf = <S extends string>(list: readonly S[], value: string): value is S => (list as readonly string[]).includes(value)
