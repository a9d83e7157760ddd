import { v7 } from 'uuid';
/** UUIDv7: time-ordered, made in the application (ARCHITECTURE §4). */
export const newId = (): string => v7();
