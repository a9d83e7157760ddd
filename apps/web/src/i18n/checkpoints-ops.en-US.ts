// Words of the checkpoint admin pages (under `checkpointsOps`). Same keys as checkpoints-ops.zh-CN.ts.
export const checkpointsOpsEnUS = {
  menu: {
    checkpoints: 'Checkpoints',
    checkpointEntry: 'Registration desk',
    checkpointDuty: 'Duty console',
    checkpointList: 'Checkpoints',
    checkpointRegistrations: 'Registrations',
    checkpointPasses: 'Passes',
    checkpointRisk: 'Risk zoning',
    checkpointTrace: 'Movement trace',
    checkpointStats: 'Statistics',
    checkpointSettings: 'Settings',
  },
};
