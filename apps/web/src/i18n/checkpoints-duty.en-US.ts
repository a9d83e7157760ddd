// Words of the checkpoint duty pages (under `checkpointsDuty`). Same keys as checkpoints-duty.zh-CN.ts.
export const checkpointsDutyEnUS = {};
