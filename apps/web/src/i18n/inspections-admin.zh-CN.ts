// Words of the inspection admin pages: checklists, park plans, rounds, the ledger, census, statistics (W4 fills).
export const inspectionsAdminZhCN = {
  menu: {
    inspections: '巡查指导',
    inspectionTemplates: '工作规范',
    inspectionParks: '园区巡查计划',
    inspectionRounds: '巡查批次',
    inspectionLedger: '巡查台账',
    inspectionCensus: '园区摸排',
    inspectionStats: '巡查统计',
  },
};
