// Public entry point of the clinical core. Filled by the clinical-core work.
export {};
