namespace CmBot.Domain.Brands;

public enum BrandRole { Approver, Admin, OnDuty }
