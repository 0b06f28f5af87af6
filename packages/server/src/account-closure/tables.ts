/** The closures of accounts: when each account was closed (its consent ended then too). */
export interface AccountClosuresTable {
  accountId: string;
  closedAt: number;
}

export interface AccountClosureTables {
  accountClosures: AccountClosuresTable;
}
