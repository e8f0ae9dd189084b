// What every entry of the work list carries, whatever its source (follow-up, renewal, use-phase reminder).
export interface WorkItemBase {
  id: string
  companyId: string
  companyName: string
  contactName: string
  contactPhone: string
  ownerId: string
  ownerName: string
  dueDate: string
}
