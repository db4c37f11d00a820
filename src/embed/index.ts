/** formulary/embed: the <formulary-form> custom element and mount() for pages that are not React. */
export {};
