// Words of the resumption filing, review, daily reports and statuses (W1 fills).
export const resumptionFilingZhCN = {
  menu: {
    resumptionMy: "复工复产",
    resumptionPlans: "复工申请",
    resumptionStatus: "企业复工状态",
    resumptionReports: "复工日报",
    resumptionSettings: "复工设置",
  },
};
