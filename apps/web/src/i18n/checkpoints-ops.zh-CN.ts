// Words of the checkpoint admin pages: checkpoints, QR posters, risk zoning, passes, registrations,
// settings (under `checkpointsOps`; the menu keys are merged into `menu`). checkpoints-ops.en-US.ts holds every key.
export const checkpointsOpsZhCN = {
  menu: {
    checkpoints: '卡口登记',
    checkpointEntry: '现场登记',
    checkpointDuty: '值班台',
    checkpointList: '卡口管理',
    checkpointRegistrations: '登记记录',
    checkpointPasses: '出入证',
    checkpointRisk: '分区分级',
    checkpointTrace: '轨迹查询',
    checkpointStats: '卡口统计',
    checkpointSettings: '卡口设置',
  },
};
