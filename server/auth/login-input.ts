// Text a login request may carry into the store. PostgreSQL refuses NUL characters in text (an
// error, which was an unauthenticated 500), and a lone UTF-16 surrogate is no character at all (it
// would be stored as U+FFFD, so two different logins could meet in one name).
const NOT_STORABLE = /\0|\p{Surrogate}/u

export const isStorableText = (value: string): boolean => !NOT_STORABLE.test(value)
