// Words of the inspection admin pages: checklists, park plans, rounds, the ledger, census, statistics (W4 fills).
export const inspectionsAdminEnUS = {
  menu: {
    inspections: 'Park inspection',
    inspectionTemplates: 'Checklists',
    inspectionParks: 'Park plans',
    inspectionRounds: 'Inspection rounds',
    inspectionLedger: 'Rectification ledger',
    inspectionCensus: 'Park census',
    inspectionStats: 'Inspection statistics',
  },
};
