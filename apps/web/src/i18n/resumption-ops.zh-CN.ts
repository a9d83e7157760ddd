// Words of the commissioner's workbench, visits, demands, supplies, projects and statistics (W2 fills).
export const resumptionOpsZhCN = {
  menu: {
    resumption: "复工复产",
    resumptionWorkbench: "特派员工作台",
    resumptionVisits: "走访记录",
    resumptionDemands: "诉求台账",
    resumptionSupplies: "防护物资",
    resumptionProjects: "重大项目",
    resumptionStats: "复工统计",
  },
};
