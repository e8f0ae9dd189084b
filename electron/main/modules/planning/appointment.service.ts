// Placeholder (issue 16): replaced by the module's service.
export {}
