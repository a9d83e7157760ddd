// Words of the checkpoint duty pages: staff entry, the duty console and abnormal cases, tracing,
// statistics (under `checkpointsDuty`). checkpoints-duty.en-US.ts holds every key.
export const checkpointsDutyZhCN = {};
