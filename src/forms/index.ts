/** formulary: the React submission form and its widgets. */
export {};
