export function findChromium(): string | undefined;
export const HOW_TO_INSTALL: string;
export const CHROMIUM_ARGS: string[];
