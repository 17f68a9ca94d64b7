/** The request header proxy.ts sets to the path asked for, so a signed-out visitor comes back to it. */
export const requestPathHeader = 'x-gatehouse-path';
