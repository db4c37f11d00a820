/** formulary/sorted: sorted containers (filled by the sorted issue). */
export {};
